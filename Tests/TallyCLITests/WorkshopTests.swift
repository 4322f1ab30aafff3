import Foundation
import Testing

/// The workshop in `Examples/workshop/`: at least ten lessons, each ending with exercises
/// numbered `-- L.N` (L the lesson's number), each exercise answered under the same number in
/// `answers/` (the file of the lesson's name), and every `check` in the answers true, so that
/// `tally --strict` runs each answer file to the end. (`ExampleGoldenTests` compares their
/// output with the recorded one; `WorkshopAnswerFiguresTests` recomputes their figures.)
@Suite struct WorkshopTests {
    static let folder = TallyBinary.packageRoot + "/Examples/workshop"

    static let lessons: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".tally") }.sorted()
    }()

    /// The exercise numbers (`3.2`) that open a comment line of `text` (`-- 3.2  …`).
    static func exerciseNumbers(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("-- ") else { return nil }
            let word = line.dropFirst(3).prefix { $0 != " " }
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
            return String(word)
        }
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func thereAreTenLessonsAndTwentyExercises() throws {
        #expect(Self.lessons.count >= 10)
        let exercises = try Self.lessons.flatMap { try Self.exerciseNumbers(in: Self.read(Self.folder + "/" + $0)) }
        #expect(exercises.count >= 20)
    }

    @Test(arguments: lessons)
    func everyExerciseHasItsAnswer(_ lesson: String) throws {
        let number = Int(lesson.prefix { $0.isNumber }) ?? 0
        let asked = try Self.exerciseNumbers(in: Self.read(Self.folder + "/" + lesson))
        let answered = try Self.exerciseNumbers(in: Self.read(Self.folder + "/answers/" + lesson))
        #expect((2...3).contains(asked.count), "\(lesson) ends with \(asked.count) exercises")
        #expect(asked.allSatisfy { $0.hasPrefix("\(number).") }, "\(lesson) numbers its exercises \(asked)")
        #expect(answered == asked, "answers/\(lesson) answers \(answered), the lesson asks \(asked)")
    }

    @Test(arguments: lessons)
    func everyCheckInTheAnswersIsTrue(_ lesson: String) throws {
        let answers = Self.folder + "/answers/" + lesson
        #expect(try Self.read(answers).contains("\ncheck "), "answers/\(lesson) checks no figure")
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(["--strict", answers], directory: folder.path)
        #expect(run.status == 0, "answers/\(lesson) under --strict exited \(run.status): \(run.errors)")
    }
}
