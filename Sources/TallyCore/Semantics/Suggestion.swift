/// "Did you mean …?": the closest of a few known words to a word the user typed.
///
/// Used for keywords by the parser and for columns, datasets and values by the binder.
public enum Suggestion {
    /// The candidate closest to `word`, or nil when none is close enough.
    ///
    /// Case is ignored. A candidate is close when its edit distance is at most a third of the
    /// longer word's length (at least 1); a word of one or two letters must match exactly, so
    /// short unrelated words never match. Ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Spelling(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let known = Spelling(candidate)
            let length = max(typed.count, known.count)
            let limit = min(typed.count, known.count) <= 2 ? 0 : max(1, length / 3)
            // The distance is at least the difference in length, so a candidate that could not beat
            // the limit or the best so far is skipped before the quadratic comparison.
            let bound = min(limit, (best?.distance ?? Int.max) - 1)
            guard abs(typed.count - known.count) <= bound else { continue }
            let distance = typed.distance(to: known)
            guard distance <= bound else { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// The edit distance between `a` and `b`, ignoring case: insertions, deletions, substitutions and
    /// transpositions of two neighbouring characters each count one (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        Spelling(a).distance(to: Spelling(b))
    }

    /// The optimal string alignment distance between two already lower-cased sequences.
    private static func distance<Unit: Equatable>(_ s: [Unit], _ t: [Unit]) -> Int {
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var before = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[t.count]
    }

    /// A word as the distance compares it, lower-cased only when it is compared: plain ASCII (where each
    /// byte is one character; a carriage return may pair with a line end, so it is not plain) is
    /// measured and compared byte by byte, anything else character by character.
    private struct Spelling {
        let word: String
        let isPlainASCII: Bool
        /// The length in characters.
        let count: Int

        init(_ word: String) {
            self.word = word
            isPlainASCII = word.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
            count = isPlainASCII ? word.utf8.count : word.lowercased().count
        }

        /// The edit distance to `other`, ignoring case.
        func distance(to other: Spelling) -> Int {
            guard isPlainASCII, other.isPlainASCII else {
                return Suggestion.distance(Array(word.lowercased()), Array(other.word.lowercased()))
            }
            return Suggestion.distance(lowercasedBytes, other.lowercasedBytes)
        }

        private var lowercasedBytes: [UInt8] {
            word.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
        }
    }
}
