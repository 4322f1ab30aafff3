/// A value axis from the smallest to the largest value, widened to round ticks (1, 2 or 5
/// times a power of ten), for SVG charts.
struct AxisScale {
    /// The low and high ends of the axis.
    let low: Double, high: Double
    /// The tick values, from low to high.
    let ticks: [Double]

    /// An axis covering `values` with about five ticks.
    init(_ values: [Double]) {
        let finite = values.filter { $0.isFinite && abs($0) < 1e300 }
        let smallest = finite.min() ?? 0, largest = finite.max() ?? 1
        let range = largest > smallest ? largest - smallest : max(abs(largest), 1)
        let rough = range / 5
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough && power > 1e-9 { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
        let low = (smallest / step).rounded(.down) * step
        var high = (largest / step).rounded(.up) * step
        if high <= low { high = low + step }
        self.low = low
        self.high = high
        var ticks: [Double] = []
        var tick = low
        while tick <= high + step / 2 && ticks.count < 50 {
            ticks.append(abs(tick) < step / 1e6 ? 0 : tick)
            tick += step
        }
        self.ticks = ticks
    }

    /// Where `value` falls between the ends, 0 at `low` and 1 at `high`.
    func fraction(of value: Double) -> Double {
        high > low ? (value - low) / (high - low) : 0
    }

    /// A tick or point label: whole numbers grouped (`12,000`), others to two places.
    static func label(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 9e15 ? NumberFormat.grouped(Int64(value)) : NumberFormat.fixed(value)
    }
}
