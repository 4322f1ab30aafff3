import Foundation
import Testing

/// The figures the workshop's answers state are computed a second way. In
/// `Examples/workshop/answers/`, the line above every `check` is `-- sqlite3: SQL`; that query
/// runs here in sqlite3 on the bundled CSV files, and its single value, rounded to as many
/// decimals as the claim has, must equal the claim. (The golden tests run the same `check`
/// with tally, whose verdict must be `true`; together the two engines agree on the figure.)
@Suite struct WorkshopAnswerFiguresTests {
    /// A claimed figure: the `check` that claims it and the SQL that computes it.
    struct ClaimedFigure: CustomStringConvertible {
        var file: String
        var line: Int
        var sql: String
        var claim: String

        var description: String { "\(file):\(line)" }

        /// The claimed number (without its `%`).
        var value: Double? { Double(claim) }

        /// How many decimals the claim is written with.
        var decimals: Int { claim.split(separator: ".").dropFirst().first?.count ?? 0 }
    }

    static let folder = SQLiteOracle.packageRoot + "/Examples/workshop/answers"

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".tally") }.sorted()
    }()

    /// The `check` lines of `text`, each with the `-- sqlite3:` line above it (an empty `sql`
    /// when that line is missing).
    static func figures(in text: String, file: String) -> [ClaimedFigure] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var figures: [ClaimedFigure] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("check ") {
            let above = index > 0 ? lines[index - 1] : ""
            let sql = above.hasPrefix("-- sqlite3: ") ? String(above.dropFirst("-- sqlite3: ".count)) : ""
            let claim = line.components(separatedBy: " is ").last?.trimmingCharacters(in: .whitespaces) ?? ""
            let number = claim.hasSuffix("%") ? String(claim.dropLast()) : claim
            figures.append(ClaimedFigure(file: file, line: index + 1, sql: sql, claim: number))
        }
        return figures
    }

    static let allFigures: [ClaimedFigure] = files.flatMap { file in
        let text = (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? ""
        return figures(in: text, file: file)
    }

    @Test func theAnswersClaimFiguresToCheck() {
        #expect(Self.files.count >= 10)
        #expect(Self.allFigures.count >= 20)
    }

    @Test(arguments: allFigures)
    func sqliteComputesTheClaimedFigure(_ figure: ClaimedFigure) throws {
        #expect(!figure.sql.isEmpty, "\(figure): the line above a check must be `-- sqlite3: SQL`")
        let claimed = try #require(figure.value, "\(figure): the claim '\(figure.claim)' is not a number")
        let rows = try SQLiteOracle.run([figure.sql])
        let answer = try #require(rows.first?.count == 1 ? rows.first?.first : nil, "\(figure): sqlite3 gave \(rows)")
        let computed = try #require(Double(answer), "\(figure): sqlite3 gave '\(answer)'")
        let scale = pow(10, Double(figure.decimals))
        #expect((computed * scale).rounded() / scale == claimed, "\(figure): sqlite3 computes \(answer), the check claims \(figure.claim)")
    }
}
