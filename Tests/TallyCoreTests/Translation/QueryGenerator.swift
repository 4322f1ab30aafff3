import Foundation
@testable import TallyCore

/// Writes random valid tally queries over loaded datasets, drawing values from the data so
/// that filters keep some rows: filters of every kind (`in (…)` lists mixing whole numbers and
/// decimals, text tests on country columns), time clauses, 0–2 group keys (columns or
/// expressions, repeated in `show`, `having` and `sort by`), shown aggregates and expressions
/// over them with aliases, `share` and `rank` anywhere among the items, keys shown or not,
/// `having`, `sort by`, `top`, `limit`; country attributes (`destination.region`,
/// `destination.population`) in filters, keys, aggregates and shown columns. Clauses come in any order, so a time clause lands right
/// after a `group by` key, a `show` item or a `sort by` key as often as anywhere else.
struct QueryGenerator {
    var random: SplitMix
    let tables: [Table]
    /// Sources that combine datasets (a `lookup`, a `join`, a parenthesised query), each with
    /// the combined table its clauses are drawn from.
    let combined: [(text: String, table: Table)]

    init(seed: UInt64, tables: [Table], combined: [(text: String, table: Table)] = []) {
        random = SplitMix(seed: seed)
        self.tables = tables
        self.combined = combined
    }

    /// One query's text; now and then over a combined source.
    mutating func query() -> String {
        if !combined.isEmpty, random.chance(0.2) {
            let source = random.pick(combined)
            var clauses: [String] = []
            for _ in 0..<random.int(0...2) { clauses.append("where " + condition(source.table, depth: 0)) }
            if source.table.info.timeColumn != nil, random.chance(0.5) { clauses.append(timeClause()) }
            clauses += random.chance(0.6) ? groupedClauses(source.table) : ungroupedClauses(source.table)
            clauses.shuffle(using: &random)
            return ([source.text] + clauses).joined(separator: " ")
        }
        let table = random.pick(tables)
        if table.info.timeColumn != nil, table.info.defaultMeasure != nil, random.chance(0.12) { return changeQuery(table) }
        if table.info.timeColumn != nil, random.chance(0.08) { return acrossQuery(table) }
        if table.info.timeColumn != nil, random.chance(0.08) { return windowQuery(table) }
        var clauses: [String] = []
        for _ in 0..<random.int(0...2) { clauses.append("where " + condition(table, depth: 0)) }
        if table.info.timeColumn != nil, random.chance(0.5) { clauses.append(timeClause()) }
        let grouped = random.chance(0.6)
        clauses += grouped ? groupedClauses(table) : ungroupedClauses(table)
        clauses.shuffle(using: &random)
        return ([table.name] + clauses).joined(separator: " ")
    }

    /// A `change from Y1 to Y2` query: 0–1 filters, 0–1 keys other than the time column, maybe `top`.
    mutating func changeQuery(_ table: Table) -> String {
        var clauses: [String] = []
        if random.chance(0.6) { clauses.append("where " + condition(table, depth: 0)) }
        let keys = table.columns.filter { isKeyCandidate(table, $0) && $0.name != table.info.timeColumn }.map(\.name)
        if !keys.isEmpty, random.chance(0.7) { clauses.append("group by " + random.pick(keys)) }
        let first = Int64(random.int(2000...2023)), second = Int64(random.int(2000...2024))
        clauses.append("change from \(min(first, second)) to \(max(first, second) == min(first, second) ? max(first, second) + 1 : max(first, second))")
        if random.chance(0.3) { clauses.append("top \(random.int(1...8))") }
        clauses.shuffle(using: &random)
        return ([table.name] + clauses).joined(separator: " ")
    }

    /// An `across` query: 0–2 filters, a few years, 0–1 row keys, columns across the time column
    /// or a text column with few values, one aggregate (maybe as `share`), maybe `sort by`,
    /// `having`, `top`, `limit`.
    mutating func acrossQuery(_ table: Table) -> String {
        guard let time = table.info.timeColumn else { return table.name }
        var clauses: [String] = []
        for _ in 0..<random.int(0...2) { clauses.append("where " + condition(table, depth: 0)) }
        let first = random.int(2000...2022)
        clauses.append("between \(first) and \(first + random.int(0...6))")
        let few = table.columns.filter { column in
            if case .text(_, let dictionary) = column.data { return dictionary.count <= 8 }
            return false
        }.map(\.name)
        let across = few.isEmpty || random.chance(0.6) ? time : random.pick(few)
        clauses.append("across " + across)
        let keys = table.columns.filter { isKeyCandidate(table, $0) && $0.name != across }.map(\.name)
        var rowKey: String?
        if !keys.isEmpty, random.chance(0.8) {
            let key = random.pick(keys)
            rowKey = key
            clauses.append("group by " + key)
        }
        let measure = numericColumns(table).filter { $0.name != time }.map(\.name)
        var items: [String] = []
        if random.chance(0.7), !measure.isEmpty {
            items.append(random.pick(["count", "sum(\(random.pick(measure)))", "avg(\(random.pick(measure)))", "max(\(random.pick(measure)))"]))
        }
        if random.chance(0.2) { items.append("share") }
        if !items.isEmpty { clauses.append("show " + items.joined(separator: ", ")) }
        if random.chance(0.3) { clauses.append("sort by " + random.pick(["total", "total desc"] + (rowKey.map { [$0, $0 + " desc"] } ?? []))) }
        if random.chance(0.2) { clauses.append("having total > \(random.pick([0, 10, 100, 1000]))") }
        if random.chance(0.3) { clauses.append("top \(random.int(1...8))") }
        if random.chance(0.2) { clauses.append("limit \(random.int(1...8))") }
        clauses.shuffle(using: &random)
        return ([table.name] + clauses).joined(separator: " ")
    }

    /// A query with time windows: grouped by the time column and 0–1 other keys, the default
    /// measure (or `count`) with 1–3 of `previous`, `growth`, `cumulative`, `moving_avg(N)`.
    mutating func windowQuery(_ table: Table) -> String {
        guard let time = table.info.timeColumn else { return table.name }
        var clauses: [String] = []
        for _ in 0..<random.int(0...2) { clauses.append("where " + condition(table, depth: 0)) }
        if random.chance(0.5) { clauses.append(timeClause()) }
        let others = table.columns.filter { isKeyCandidate(table, $0) && $0.name != time }.map(\.name)
        let keys = [time] + (!others.isEmpty && random.chance(0.5) ? [random.pick(others)] : [])
        clauses.append("group by " + keys.shuffled(using: &random).joined(separator: ", "))
        let windows = ["previous", "growth", "cumulative", "moving_avg(\(random.int(1...3)))"]
        let base = table.info.defaultMeasure.map { random.chance(0.7) ? $0 : "count" } ?? "count"
        var items = [base]
        for _ in 0..<random.int(1...3) { items.append(random.pick(windows)) }
        clauses.append("show " + Array(Set(items)).sorted { items.firstIndex(of: $0) ?? 0 < items.firstIndex(of: $1) ?? 0 }.joined(separator: ", "))
        if random.chance(0.2) { clauses.append("limit \(random.int(1...15))") }
        clauses.shuffle(using: &random)
        return ([table.name] + clauses).joined(separator: " ")
    }

    // MARK: filters

    mutating func condition(_ table: Table, depth: Int) -> String {
        if depth < 2, random.chance(0.25) {
            let left = condition(table, depth: depth + 1), right = condition(table, depth: depth + 1)
            return "(\(left) \(random.chance(0.5) ? "and" : "or") \(right))"
        }
        if depth < 2, random.chance(0.08) { return "not (\(condition(table, depth: depth + 1)))" }
        if let attribute = countryAttribute(table), random.chance(0.08) { return attributeCondition(attribute) }
        let column = random.pick(table.columns)
        let name = column.name
        if random.chance(0.08) { return "\(name) is \(random.chance(0.5) ? "" : "not ")missing" }
        if column.type == .text {
            if isCountry(table, column), random.chance(0.25) {
                return "\(name) in \(random.pick(["EU", "\"Western Europe\"", "\"Southern Asia\"", "Europe", "\"Northern Africa\""]))"
            }
            switch random.int(0...5) {
            case 0:
                let word = pattern(column)
                let kind = random.pick(["contains", "starts with", "ends with"])
                return "\(name) \(kind) \(quoted(word))"
            case 1:
                let values = (0..<random.int(1...3)).map { _ in quoted(textValue(column)) }
                return "\(name) \(random.chance(0.3) ? "not in" : "in") (\(values.joined(separator: ", ")))"
            case 2:
                return "\(name) \(random.pick(["<", "<=", ">", ">="])) \(quoted(textValue(column)))"
            default:
                return "\(name) \(random.pick(["=", "=", "!="])) \(quoted(textValue(column)))"
            }
        }
        switch random.int(0...4) {
        case 0:
            let a = numberValue(column), b = numberValue(column)
            return "\(name) \(random.chance(0.3) ? "not between" : "between") \(min(a, b)) and \(max(a, b))"
        case 1:
            let values = (0..<random.int(1...3)).map { _ in numberText(numberValue(column)) }
            return "\(name) \(random.chance(0.3) ? "not in" : "in") (\(values.joined(separator: ", ")))"
        case 2:
            let other = random.pick(numericColumns(table)).name
            return "\(name) \(random.pick(["<", ">", "!="])) \(other)"
        default:
            return "\(name) \(random.pick(["=", "!=", "<", "<=", ">", ">="])) \(numberValue(column))"
        }
    }

    mutating func timeClause() -> String {
        let a = random.int(2000...2024), b = random.int(2000...2024)
        switch random.int(0...3) {
        case 0: return "since \(a)"
        case 1: return "until \(a)"
        case 2: return "in \(a)"
        default: return "between \(min(a, b)) and \(max(a, b))"
        }
    }

    // MARK: grouped queries

    /// One aggregate call (text) and whether it is a number.
    mutating func aggregate(_ table: Table) -> (text: String, numeric: Bool) {
        let numeric = numericColumns(table)
        let any = random.pick(table.columns).name
        if let attribute = countryAttribute(table), random.chance(0.08) {
            if attribute.hasSuffix(".population") {
                return (random.pick(["sum(\(random.pick(numeric).name)) / sum(\(attribute)) * 100000", "max(\(attribute))", "count(\(attribute))"]), true)
            }
            return (random.chance(0.5) ? ("distinct(\(attribute))", true) : ("\(random.pick(["min", "max"]))(\(attribute))", false))
        }
        switch random.int(0...9) {
        case 0: return ("count", true)
        case 1: return ("count(\(any))", true)
        case 2: return ("distinct(\(any))", true)
        case 3, 4: return ("sum(\(random.pick(numeric).name))", true)
        case 5: return ("avg(\(random.pick(numeric).name))", true)
        case 6: return ("median(\(random.pick(numeric).name))", true)
        case 7:
            let column = random.pick(table.columns)
            return ("\(random.pick(["min", "max"]))(\(column.name))", column.type.isNumeric)
        case 8: return ("sum(\(random.pick(numeric).name)) / count", true)
        default: return ("sum(\(random.pick(numeric).name)) - sum(\(random.pick(numeric).name))", true)
        }
    }

    /// A group key: a column worth grouping by, or now and then an expression over a number
    /// column (`year / 5`, `total - 1`).
    mutating func groupKey(_ table: Table) -> String {
        let numeric = numericColumns(table)
        if let attribute = countryAttribute(table, texts: true), random.chance(0.1) { return attribute }
        if !numeric.isEmpty, random.chance(0.15) {
            let column = random.pick(numeric).name
            return random.pick(["\(column) / 5", "\(column) - 1", "\(column) * 2", "\(column) / 1000"])
        }
        return random.pick(table.columns.filter { isKeyCandidate(table, $0) }.map(\.name))
    }

    mutating func groupedClauses(_ table: Table) -> [String] {
        var clauses: [String] = []
        var keys: [String] = []
        let keyCount = random.chance(0.15) ? 0 : random.int(1...2)
        for _ in 0..<keyCount {
            let key = groupKey(table)
            if !keys.contains(key) { keys.append(key) }
        }
        if !keys.isEmpty { clauses.append("group by " + keys.joined(separator: ", ")) }
        var outputNames = keys
        var numericOutputs: [String] = []
        var showsAnAggregate = true
        if keys.isEmpty || random.chance(0.7) {
            var items: [String] = []
            var firstIsNumber: Bool?
            for position in 0..<random.int(1...3) {
                if !keys.isEmpty, random.chance(0.15) {
                    let key = random.pick(keys)
                    if !items.contains(key) { items.append(key) }
                    continue
                }
                let (text, numeric) = aggregate(table)
                if firstIsNumber == nil { firstIsNumber = numeric }
                let alias = "v\(position + 1)"
                if random.chance(0.6) || text.contains(" ") {
                    items.append("\(text) as \(alias)")
                    outputNames.append(alias)
                    if numeric { numericOutputs.append(alias) }
                } else {
                    items.append(text)
                    outputNames.append(text)
                }
            }
            showsAnAggregate = firstIsNumber != nil
            for word in ["share", "rank"] where !keys.isEmpty && (firstIsNumber ?? true) && random.chance(0.25) {
                items.insert(word, at: random.int(0...items.count))
                numericOutputs.append(word)
                showsAnAggregate = true
            }
            if items.isEmpty { items.append("count") }
            clauses.append("show " + items.joined(separator: ", "))
        } else {
            let measure = table.info.defaultMeasure ?? "count"
            outputNames.append(measure)
            numericOutputs.append(measure)
        }
        if !keys.isEmpty, let target = numericOutputs.randomElement(using: &random), random.chance(0.3) {
            clauses.append("having \(target) \(random.pick([">", ">=", "<"])) \(random.pick([0, 1, 5, 50, 1000]))")
        } else if let key = keys.first(where: { $0.contains(" ") }), random.chance(0.5) {
            clauses.append("having \(key) \(random.pick([">", "<", "!="])) \(random.pick([0, 1, 400, 2000]))")
        }
        if !keys.isEmpty, random.chance(0.4) {
            let sortable = outputNames.filter { !$0.contains("(") || random.chance(0.5) }
            if !sortable.isEmpty {
                let count = random.int(1...min(2, sortable.count))
                let items = (0..<count).map { _ in random.pick(sortable) + random.pick(["", " asc", " desc"]) }
                clauses.append("sort by " + items.joined(separator: ", "))
            }
        }
        if !keys.isEmpty, showsAnAggregate, random.chance(0.2) { clauses.append("top \(random.int(1...8))") }
        if random.chance(0.3) { clauses.append("limit \(random.int(1...15))") }
        return clauses
    }

    /// A call of a scalar function over the table's columns. Text functions whose result
    /// depends on case folding take only ASCII columns (sqlite folds only ASCII); `round` keeps
    /// to whole digits, where no engine's double arithmetic can differ.
    mutating func scalarCall(_ table: Table) -> String {
        let numeric = numericColumns(table).map(\.name)
        let integers = table.columns.filter { $0.type == .integer }.map(\.name)
        let texts = table.columns.filter { $0.type == .text }
        let ascii = texts.filter(isASCII).map(\.name)
        let text = random.pick(texts).name
        let a = random.pick(numeric), b = random.pick(numeric)
        switch random.int(0...12) {
        case 0: return "round(\(a) / \(random.int(1...9)))"
        case 1: return "round(\(random.pick(integers)), -\(random.int(1...3)))"
        case 2: return "\(random.pick(["floor", "ceil"]))(\(a) / \(random.int(2...7)))"
        case 3: return "abs(\(a) - \(b))"
        case 4: return ascii.isEmpty ? "length(\(text))" : "\(random.pick(["lower", "upper"]))(\(random.pick(ascii)))"
        case 5: return "length(\(text))"
        case 6: return "\(random.pick(["left", "right"]))(\(text), \(random.int(0...4)))"
        case 7: return "replace(\(text), \(quoted(random.pick(["a", "e", "an", " "]))), \(quoted(random.pick(["", "-", "AA"]))))"
        case 8: return "\(text) || \(quoted(random.pick(["-", " ", ""]))) || \(random.pick(texts).name)"
        case 9: return "coalesce(\(a), \(random.pick(["0", "-1", "2.5"])))"
        case 10: return "if(\(a) > \(random.pick([0, 10, 100])), \(quoted("high")), \(quoted("low")))"
        case 11: return "text(\(random.pick(integers))) || \(quoted("x"))"
        default: return "number(text(\(random.pick(integers)))) / 2"
        }
    }

    /// Whether every value of a text column is ASCII.
    func isASCII(_ column: Column) -> Bool {
        guard case .text(_, let dictionary) = column.data else { return false }
        return dictionary.values.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    // MARK: row-by-row queries

    mutating func ungroupedClauses(_ table: Table) -> [String] {
        var clauses: [String] = []
        var names: [String] = []
        if random.chance(0.7) {
            var items: [String] = []
            for position in 0..<random.int(1...4) {
                let numeric = numericColumns(table)
                switch random.int(0...7) {
                case 0:
                    let a = random.pick(numeric).name, b = random.pick(numeric).name
                    items.append("\(a) / \(b) as r\(position)")
                    names.append("r\(position)")
                case 6, 7:
                    if let attribute = countryAttribute(table), random.chance(0.3) {
                        let item = attribute.hasSuffix(".population") && random.chance(0.5)
                            ? "\(random.pick(numeric).name) / \(attribute) * 100000" : attribute
                        items.append("\(item) as f\(position)")
                    } else {
                        items.append("\(scalarCall(table)) as f\(position)")
                    }
                    names.append("f\(position)")
                case 1:
                    let a = random.pick(numeric).name
                    items.append("\(a) \(random.pick(["+", "-", "*"])) \(random.int(1...9)) as e\(position)")
                    names.append("e\(position)")
                default:
                    let column = random.pick(table.columns).name
                    if names.contains(column) { continue }
                    items.append(column)
                    names.append(column)
                }
            }
            if !items.isEmpty { clauses.append("show " + items.joined(separator: ", ")) }
        }
        if random.chance(0.5) {
            let pool = names.isEmpty || random.chance(0.3) ? table.columns.map(\.name) : names
            let items = (0..<random.int(1...2)).map { _ in random.pick(pool) + random.pick(["", " asc", " desc"]) }
            clauses.append("sort by " + items.joined(separator: ", "))
        }
        if table.info.defaultMeasure != nil, random.chance(0.2) { clauses.append("top \(random.int(1...10))") }
        if random.chance(0.6) { clauses.append("limit \(random.int(1...25))") }
        return clauses
    }

    // MARK: country attributes

    /// A country attribute of one of the table's country columns (`origin.region`), nil when it
    /// has none; `population` only where the table has a whole-number time column, and never
    /// with `texts`.
    mutating func countryAttribute(_ table: Table, texts: Bool = false) -> String? {
        let countries = table.columns.filter { isCountry(table, $0) && $0.type == .text }.map(\.name)
        guard !countries.isEmpty else { return nil }
        let yearly = table.info.timeColumn.flatMap(table.column(named:))?.type == .integer
        let attributes = ["name", "iso2", "region", "subregion"] + (yearly && !texts ? ["population", "population"] : [])
        return random.pick(countries) + "." + random.pick(attributes)
    }

    /// A filter on a country attribute, with values the bundled `countries` and `population` hold.
    mutating func attributeCondition(_ attribute: String) -> String {
        if random.chance(0.15) { return "\(attribute) is \(random.chance(0.5) ? "" : "not ")missing" }
        switch attribute.split(separator: ".").last {
        case "population":
            return "\(attribute) \(random.pick(["<", ">", ">="])) \(random.pick([1_000_000, 10_000_000, 50_000_000]))"
        case "region":
            return "\(attribute) \(random.pick(["=", "!="])) \(quoted(random.pick(["Europe", "Asia and the Pacific", "Africa", "The Americas"])))"
        case "subregion":
            return "\(attribute) in (\(quoted("Western Europe")), \(quoted(random.pick(["Southern Asia", "Northern Europe", "Eastern Europe"]))))"
        default:
            return "\(attribute) \(random.pick(["starts with", "contains"])) \(quoted(random.pick(["s", "a", "ge"])))"
        }
    }

    // MARK: values

    func numericColumns(_ table: Table) -> [Column] {
        table.columns.filter { $0.type.isNumeric }
    }

    func isCountry(_ table: Table, _ column: Column) -> Bool {
        table.info.countryColumns.contains(column.name)
    }

    /// Columns worth grouping by: text with few values, the time column, small numbers.
    func isKeyCandidate(_ table: Table, _ column: Column) -> Bool {
        if column.name == table.info.timeColumn { return true }
        if case .text(_, let dictionary) = column.data { return dictionary.count <= 250 }
        return column.name.hasPrefix("eu_")
    }

    mutating func textValue(_ column: Column) -> String {
        guard case .text(let codes, let dictionary) = column.data, !codes.isEmpty else { return "x" }
        return dictionary.values[Int(codes[random.int(0...(codes.count - 1))])]
    }

    /// A lower-case ASCII piece of a value (sqlite's `lower` folds only ASCII).
    mutating func pattern(_ column: Column) -> String {
        let value = textValue(column).lowercased().filter { $0.isASCII }
        guard !value.isEmpty else { return "a" }
        let characters = Array(value)
        let start = random.int(0...(characters.count - 1))
        let length = random.int(1...min(4, characters.count - start))
        return String(characters[start..<(start + length)])
    }

    mutating func numberValue(_ column: Column) -> Int64 {
        guard column.count > 0 else { return 0 }
        switch column.value(at: random.int(0...(column.count - 1))) {
        case .integer(let value): return value
        case .decimal(let value): return Int64(value.rounded())
        default: return Int64(random.int(0...100))
        }
    }

    /// A number as a whole number (`7`), a decimal equal to it (`7.0`) or one that no whole
    /// number equals (`7.5`).
    mutating func numberText(_ value: Int64) -> String {
        switch random.int(0...5) {
        case 0: return "\(value).0"
        case 1: return "\(value).5"
        default: return String(value)
        }
    }

    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
