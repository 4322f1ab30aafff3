import Testing
@testable import TallyCore

/// The engine runs expressions of a domain layer through `DomainExpression` alone: an
/// expression defined here, unknown to the engine, is evaluated, filtered on, moved between
/// tables, compared and (without a translation) refused by SQL. Every answer is worked out by
/// hand from the table below.
@Suite struct DomainExpressionTests {
    /// Whether a code's text is in `texts`, from `since` on when the expression reads a number.
    struct Listed: DomainExpression {
        let text: BoundExpr
        let number: BoundExpr?
        let texts: Set<String>
        let since: Int64

        var operands: [BoundExpr] { [text] + (number.map { [$0] } ?? []) }
        func replacingOperands(_ operands: [BoundExpr]) -> Listed {
            Listed(text: operands[0], number: operands.count > 1 ? operands[1] : nil, texts: texts, since: since)
        }
        var type: ValueType { .boolean }
        var written: String { "listed" }

        func codeRanges(_ dictionary: TextDictionary) -> CodeRanges? {
            let listed = dictionary.values.map(texts.contains)
            return CodeRanges(first: listed.map { $0 ? since : .max }, last: listed.map { $0 ? .max : .min }, withoutInteger: listed)
        }

        func evaluate(_ operands: [Column], count: Int) -> Column {
            guard case .text(let codes, let dictionary) = operands[0].data else { return .constant(.missing, type: .boolean, count: count) }
            let numbers = operands.count > 1 ? operands[1].doubles : nil
            return Column(name: "", data: .boolean((0..<count).map { row in
                texts.contains(dictionary.values[Int(codes[row])]) && (numbers.map { $0[row] >= Double(since) } ?? true)
            }))
        }
    }

    /// Rows 0–4: (AA, 2010), (BB, 2012), (AA, 2014), (CC, 2015), (BB, 2016).
    let table = Table(name: "t", columns: [
        .text("code", ["AA", "BB", "AA", "CC", "BB"]),
        .integers("year", [2010, 2012, 2014, 2015, 2016]),
    ], rowCount: 5)

    func listed(number: Bool, texts: Set<String> = ["AA", "CC"]) -> BoundExpr {
        .domain(DomainTerm(Listed(text: .column(0, .text), number: number ? .column(1, .integer) : nil, texts: texts, since: 2014)))
    }

    /// AA and CC are rows 0, 2 and 3; from 2014 on, rows 2 and 3.
    @Test func theRowFilterKeepsRowsByCodeRangesAsTheEvaluatorDoes() throws {
        let context = ExecutionContext(cancellation: nil)
        let filter = RowFilter(table: table, context: context)
        #expect(Array(try filter.select(listed(number: false), from: nil)) == [0, 2, 3])
        #expect(Array(try filter.select(listed(number: true), from: nil)) == [2, 3])
        #expect(Array(try filter.select(listed(number: true), from: Selection([0, 1, 3]))) == [3])
        let evaluated = try ExpressionEvaluator(table: table, rows: nil, context: context).evaluate(listed(number: true))
        guard case .boolean(let flags) = evaluated.data else {
            Issue.record("not a boolean column: \(evaluated.type)")
            return
        }
        #expect(flags == [false, false, true, true, false])
    }

    /// Moving the expression's columns moves its operands; the rest of it stays.
    @Test func movingColumnsMovesItsOperands() {
        let moved = listed(number: true).replacingColumns { index, type in .column(index + 3, type) }
        guard case .domain(let term) = moved, let listed = term.expression as? Listed else {
            Issue.record("the moved expression is not the domain expression: \(moved)")
            return
        }
        #expect(listed.operands == [.column(3, .text), .column(4, .integer)])
        #expect(listed.texts == ["AA", "CC"])
    }

    /// Equal when of the same kind with the same value; a share of the same column is another kind.
    @Test func termsCompareByKindAndValue() {
        #expect(listed(number: true) == listed(number: true))
        #expect(listed(number: true) != listed(number: false))
        #expect(listed(number: true, texts: ["AA"]) != listed(number: true))
        #expect(BoundExpr.share(.column(0, .text)) != .domain(DomainTerm(Listed(text: .column(0, .text), number: nil, texts: [], since: 0))))
    }

    /// An expression without a translation of its own is refused by name, not written wrongly.
    @Test func sqlRefusesAnExpressionWithoutATranslation() {
        do {
            let sql = try Listed(text: .column(0, .text), number: nil, texts: [], since: 0).sql([], dialect: .duckdb)
            Issue.record("expected an error, got \(sql)")
        } catch {
            #expect(error.code == "sql-unsupported")
            #expect(error.message.contains("listed"))
        }
    }
}
