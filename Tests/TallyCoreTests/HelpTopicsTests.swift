import Testing
@testable import TallyCore

/// `help` topics: every example is one statement that parses, and shows the statement it explains.
@Suite struct HelpTopicsTests {
    @Test func everyExampleParsesAsOneStatement() {
        for topic in HelpTopics.topics {
            #expect(statement(topic.example) != nil, "help \(topic.name): \(topic.example)")
        }
    }

    /// A statement's topic shows that statement, not another one (`help export` once showed `datasets`).
    @Test func statementTopicsShowTheirStatement() throws {
        for name in ["export", "load", "check", "explain", "describe", "let", "cite"] {
            let text = try HelpTopics.text(for: name, at: .point(0))
            let example = try #require(text.split(separator: "\n").last { $0.contains("example:") })
            #expect(example.hasPrefix("  example: \(name) "), "help \(name): \(example)")
        }
    }

    /// Every topic the overview lists can be asked for as it is written there (`help date - date`
    /// once read as `date date` and found nothing).
    @Test func everyListedTopicIsFoundByItsName() throws {
        for topic in HelpTopics.topics {
            let text = try HelpTopics.text(for: topic.name, at: .point(0))
            #expect(text.hasPrefix("\(topic.name): "), "help \(topic.name): \(text)")
        }
    }
}
