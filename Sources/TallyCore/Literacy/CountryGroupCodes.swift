/// A country-group test (`destination in EU`) decided once per dictionary code of the country
/// column, so that rows are tested on raw codes and years without building a string per row.
struct CountryGroupCodes {
    /// Per code, the first year the country is a member (`Int64.max` when it never is).
    let first: [Int64]
    /// Per code, the last year the country is a member (`Int64.min` when it never is).
    let last: [Int64]
    /// Per code, whether the country is a member today (for a test without a year).
    let today: [Bool]

    /// Decides `test` for every value of `dictionary`.
    init(_ test: CountryGroupTest, dictionary: TextDictionary) {
        var first = [Int64](repeating: .max, count: dictionary.count)
        var last = [Int64](repeating: .min, count: dictionary.count)
        var today = [Bool](repeating: false, count: dictionary.count)
        for (code, value) in dictionary.values.enumerated() {
            guard let range = test.members[value] else { continue }
            today[code] = range.contains(nil)
            if let until = range.until, until == .min { continue }
            first[code] = range.from ?? .min
            last[code] = range.until.map { $0 - 1 } ?? .max
        }
        self.first = first
        self.last = last
        self.today = today
    }

    /// Whether the country of `code` is a member in `year`.
    @inline(__always)
    func contains(code: Int, year: Int64) -> Bool {
        first[code] <= year && year <= last[code]
    }
}

/// A country column tested for membership of a group in each row's year, for `RowFilter`.
struct CountryGroupMembership: RowTest {
    let codes: UnsafeBufferPointer<UInt32>
    let years: UnsafeBufferPointer<Int64>
    let yearValidity: UnsafeBufferPointer<UInt64>?
    let first: UnsafeBufferPointer<Int64>
    let last: UnsafeBufferPointer<Int64>

    @inline(__always)
    func passes(_ row: Int) -> Bool {
        let code = Int(codes[row]), year = years[row]
        return ValidityMask.isValid(yearValidity, row) && first[code] <= year && year <= last[code]
    }
}
