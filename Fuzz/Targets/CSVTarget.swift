@testable import TallyFuzzEngine

/// libFuzzer entry point for the CSV loader: any bytes, loaded as a `.csv` and as a `.tsv` file.
///
/// Built by `Fuzz/run.sh csv`; no file is touched (`CSVLoader.load(bytes:…)`). A table that loads is
/// also described, so the column summaries run over whatever the loader built.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for path in ["fuzz.csv", "fuzz.tsv"] {
        guard let report = try? CSVLoader.load(bytes: bytes, path: path, name: "fuzz") else { continue }
        _ = CatalogReport.describe(report.table)
    }
    return 0
}
