/// A time window over a grouped table (literacy): the first aggregate of each group compared
/// with or accumulated over the periods before it in the same series. "Before" is in time, not
/// in the rows: the previous period of 2016 is 2015, and when 2015 has no row it is missing.
public struct TimeWindow: Sendable, Equatable {
    /// What the window computes.
    public enum Function: Sendable, Equatable {
        /// The value in the previous period.
        case previous
        /// The percent change from the previous period's value.
        case growth
        /// The running total, in time order.
        case cumulative
        /// The mean over this period and the `N − 1` periods before it that have rows; missing
        /// until the series has `N` of them.
        case movingAverage(Int)
    }

    /// What the window computes.
    public var function: Function
    /// The values it works on, over the grouped table: the first aggregate.
    public var base: BoundExpr
    /// The grouped table's time key column.
    public var time: Int
    /// The other key columns: each combination of their values is one series.
    public var series: [Int]

    /// The item's name as written where it has none (`growth`, `moving_avg(3)`).
    public var name: String {
        switch function {
        case .previous: return "previous"
        case .growth: return "growth"
        case .cumulative: return "cumulative"
        case .movingAverage(let n): return "moving_avg(\(n))"
        }
    }

    /// The type of its values: the base's for `previous` and `cumulative`, else decimal.
    public var type: ValueType {
        switch function {
        case .previous, .cumulative: return base.type
        case .growth, .movingAverage: return .decimal
        }
    }

    /// The words that name a window item without parentheses.
    static let words = ["previous", "growth", "cumulative"]
    /// The function written with parentheses.
    static let movingAverageWord = "moving_avg"
    /// The widest moving average: longer windows are an error.
    static let maxPeriods = 1_000
}
