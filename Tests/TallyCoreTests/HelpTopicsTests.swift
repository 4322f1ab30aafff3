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
}
