@testable import TallyFuzzEngine

/// libFuzzer entry point for the whole statement path: parse, bind, execute and render, against two
/// small tables made here (a yearly table with measures and country columns, and a countries table).
///
/// Built by `Fuzz/run.sh query`. `load`, `export`, `run` and `record` statements are skipped, so the
/// fuzzer never reads or writes files; every other statement runs in a fresh session over the same catalog.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceFile(name: "<fuzz>", text: text)
    let session = Session(catalog: FuzzCatalog.shared)
    let output = BufferedOutput()
    for statement in Parser.parse(source, mode: .script).statements {
        switch statement.kind {
        case .load, .export, .run, .record: continue
        default: break
        }
        if StatementRunner(session: session, source: source, output: output).run(statement) == .quit { break }
    }
    return 0
}
