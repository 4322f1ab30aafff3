/// How the loader cuts a file into work: block and part sizes and the number of threads.
///
/// None of these change a loaded table: every field is parsed on its own, types are combined by
/// union and dictionaries in file order, so any block size, part size or thread count gives the
/// same columns, codes and decimals. Tests shrink the sizes to cross many boundaries.
struct LoadTuning: Sendable {
    /// Bytes parsed per block: read, parsed in parts, merged into the columns, then dropped.
    var blockBytes: Int = 8 << 20
    /// Bytes per part of a block; parts are parsed concurrently, each cut after a line feed.
    var partBytes: Int = 1 << 20
    /// 1 runs every job (parsing a part, merging a column) on the calling thread; more lets Dispatch
    /// spread them over the machine's cores.
    var threads: Int = 2

    /// The tuning used by `CSVLoader.load`.
    static let standard = LoadTuning()
}
