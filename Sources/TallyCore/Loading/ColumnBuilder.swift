/// Infers one column's type over all its fields and builds the typed column directly from the bytes.
///
/// Inference, in one pass that builds the numbers as it goes:
/// - Empty fields (and `""`) are missing in every column.
/// - Integers while every value is an integer; decimal as soon as one is a decimal (or an integer
///   beyond 64 bits); `NA`, `N/A` and `null` (any case) are missing in such a column.
/// - Boolean when every present value is `true` or `false` (any case).
/// - Otherwise text, built in a second pass: any value that is neither (including `08123`, `nan`,
///   `0x1F`, a value holding a quote), mixing booleans with numbers or missing-value tokens, and a
///   column with no value at all (only empty fields or tokens) make the column text, where the tokens
///   are text too.
/// Text is dictionary-encoded in first-seen order; a missing row's code is 0 and means nothing (when
/// every row is missing the dictionary is empty).
struct ColumnBuilder {
    /// The file's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Every field of the data rows, row after row.
    let fields: UnsafeBufferPointer<FieldSpan>
    /// Fields per row.
    let width: Int
    /// Number of rows.
    let rowCount: Int

    private enum Inferred {
        case undecided, integer, decimal, boolean
    }

    /// The column at position `index`, named `name` and headed `originalName` in the file.
    func build(index: Int, name: String, originalName: String) -> Column {
        let (data, validity) = inferTyped(index) ?? buildText(index)
        return Column(name: name, originalName: originalName, data: data, validity: validity)
    }

    /// The column as integers, decimals or booleans, or nil when it is text.
    private func inferTyped(_ column: Int) -> (ColumnData, ValidityMask?)? {
        var state = Inferred.undecided
        var integers: [Int64] = []
        var decimals: [Double] = []
        var booleans: [Bool] = []
        var validity: ValidityMask?
        var sawMissingToken = false
        var fieldIndex = column
        for row in 0..<rowCount {
            let field = fields[fieldIndex]
            fieldIndex &+= width
            var value = FieldClassifier.Class.missingToken
            if !field.isEmpty {
                if field.hasDoubledQuotes { return nil }
                value = FieldClassifier.classify(bytes, start: field.start, length: Int(field.length))
            }
            switch (value, state) {
            case (.integer(let number), .integer):
                integers.append(number)
            case (.integer(let number), .decimal):
                decimals.append(Double(number))
            case (.decimal(let number), .decimal):
                decimals.append(number)
            case (.decimal(let number), .integer):
                decimals = integers.map { Double($0) }
                decimals.reserveCapacity(rowCount)
                decimals.append(number)
                integers = []
                state = .decimal
            case (.boolean(let flag), .boolean):
                booleans.append(flag)
            case (.integer(let number), .undecided):
                integers = Array(repeating: 0, count: row)
                integers.reserveCapacity(rowCount)
                integers.append(number)
                state = .integer
            case (.decimal(let number), .undecided):
                decimals = Array(repeating: 0, count: row)
                decimals.reserveCapacity(rowCount)
                decimals.append(number)
                state = .decimal
            case (.boolean(let flag), .undecided):
                if sawMissingToken { return nil }
                booleans = Array(repeating: false, count: row)
                booleans.reserveCapacity(rowCount)
                booleans.append(flag)
                state = .boolean
            case (.missingToken, .boolean) where !field.isEmpty:
                return nil
            case (.missingToken, _):
                if !field.isEmpty { sawMissingToken = true }
                if validity == nil { validity = ValidityMask(count: rowCount) }
                validity?.set(row, valid: false)
                switch state {
                case .integer: integers.append(0)
                case .decimal: decimals.append(0)
                case .boolean: booleans.append(false)
                case .undecided: break
                }
            case (.text, _), (.boolean, .integer), (.boolean, .decimal), (.integer, .boolean), (.decimal, .boolean):
                return nil
            }
        }
        switch state {
        case .undecided: return nil
        case .integer: return (.integer(integers), validity)
        case .decimal: return (.decimal(decimals), validity)
        case .boolean: return (.boolean(booleans), validity)
        }
    }

    /// The column as dictionary-encoded text.
    private func buildText(_ column: Int) -> (ColumnData, ValidityMask?) {
        var dictionary = TextDictionaryBuilder()
        var codes: [UInt32] = []
        codes.reserveCapacity(rowCount)
        var validity: ValidityMask?
        var unescaped: [UInt8] = []
        var fieldIndex = column
        for row in 0..<rowCount {
            let field = fields[fieldIndex]
            fieldIndex &+= width
            if field.isEmpty {
                if validity == nil { validity = ValidityMask(count: rowCount) }
                validity?.set(row, valid: false)
                codes.append(0)
            } else if field.hasDoubledQuotes {
                unescaped.removeAll(keepingCapacity: true)
                field.appendValue(from: bytes, to: &unescaped)
                let code = unescaped.withUnsafeBufferPointer { buffer in
                    dictionary.code(buffer, start: 0, length: buffer.count)
                }
                codes.append(code)
            } else {
                codes.append(dictionary.code(bytes, start: field.start, length: Int(field.length)))
            }
        }
        return (.text(codes: codes, dictionary: dictionary.dictionary()), validity)
    }
}
