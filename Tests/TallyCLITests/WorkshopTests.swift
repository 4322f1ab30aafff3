import Foundation
import Testing

/// The workshop in `Examples/workshop/`: at least ten lessons, each ending with exercises
/// numbered `-- L.N` (L the lesson's number), each exercise answered under the same number in
/// `answers/` (the file of the lesson's name), and every `check` in the answers true, so that
/// `tally --strict` runs each answer file to the end; and every figure the prose of a lesson or an
/// answer states is one its recorded output shows, so a change of output that makes the text
/// wrong fails here. (`ExampleGoldenTests` compares the output with the recorded one;
/// `WorkshopAnswerFiguresTests` recomputes the answers' figures.)
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

    /// The figures a comment of `text` states: numbers of at least 100 or with decimals, commas
    /// dropped, that are not years. Read only up to the exercises (which ask, not state), without
    /// the exercise numbers, the `sqlite3:` lines, or what is quoted (a claim, or code) in a line.
    static func statedFigures(in text: String) -> [String] {
        var figures: [String] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("-- Exercises") { break }
            guard line.hasPrefix("--"), !line.hasPrefix("-- sqlite3:") else { continue }
            var prose = String(line.dropFirst(2))
            if let number = exerciseNumbers(in: String(line)).first { prose = String(prose.dropFirst(number.count + 1)) }
            let unquoted = prose.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: " ")
                .split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: " ")
            figures += numbers(in: unquoted).filter { figure in
                guard let whole = Int(figure) else { return true }
                return whole >= 100 && !(1950...2030).contains(whole)
            }
        }
        return figures
    }

    /// The numbers written in `text` (`14,887`, `38.72`, `2017`), without thousands separators.
    static func numbers(in text: String) -> [String] {
        var numbers: [String] = [], current = "", previous: Character = " "
        for character in text + " " {
            let continues = !current.isEmpty && (character == "," || character == ".")
            if character.isNumber && (current.isEmpty ? !(previous.isLetter || previous == ".") : true) || continues {
                current.append(character)
            } else if !current.isEmpty {
                numbers.append(current)
                current = ""
            }
            previous = character
        }
        return numbers.map { number in
            number.trimmingCharacters(in: CharacterSet(charactersIn: ",.")).replacingOccurrences(of: ",", with: "")
        }.filter { !$0.isEmpty }
    }

    @Test(arguments: lessons.flatMap { [$0, "answers/" + $0] })
    func everyFigureTheProseStatesIsInTheOutput(_ script: String) throws {
        let base = Self.folder + "/" + script.dropLast(".tally".count)
        let shown = try Self.read(base + ".out") + ((try? Self.read(base + ".err")) ?? "")
        let figures = Set(Self.numbers(in: shown))
        for figure in try Self.statedFigures(in: Self.read(Self.folder + "/" + script)) {
            let isShown = figures.contains(figure)
            #expect(isShown, "\(script) states \(figure), which its output does not show")
        }
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
