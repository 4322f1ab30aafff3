extension Table {
    /// The time column: the declared one, a numeric column named `year`, or the only date or
    /// datetime column.
    public var timeColumnIndex: Int? {
        if let declared = info.timeColumn, let index = columnIndex(named: declared) { return index }
        if let index = columnIndex(named: "year"), columns[index].type.isNumeric { return index }
        let dated = columns.indices.filter { columns[$0].type.isDateLike }
        return dated.count == 1 ? dated.first : nil
    }

    /// The default measure's column index, if the dataset declares measures.
    public var defaultMeasureIndex: Int? {
        info.defaultMeasure.flatMap { columnIndex(named: $0) }
    }

    /// Whether column `index` is one of the declared measures.
    public func isMeasure(_ index: Int) -> Bool {
        info.measures.contains { columnIndex(named: $0) == index }
    }

    /// Whether column `index` is one of the declared country columns.
    public func isCountryColumn(_ index: Int) -> Bool {
        info.countryColumns.contains { columnIndex(named: $0) == index }
    }

    /// The role column `index` has: time, measure, country, or plain.
    public func role(ofColumn index: Int) -> OutputColumn.Role {
        if timeColumnIndex == index { return .time }
        if isMeasure(index) { return .measure }
        if isCountryColumn(index) { return .country }
        return .plain
    }
}
