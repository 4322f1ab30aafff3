@testable import TallyFuzzEngine

/// libFuzzer entry point for the lexer and the parser: any bytes, parsed as a script and as prompt input.
///
/// Built by `Fuzz/run.sh parser` against the engine library, imported `@testable` so it reaches the
/// engine's internal types. A crash, a sanitizer report or a timeout here is a bug in Syntax/.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceFile(name: "<fuzz>", text: text)
    _ = Parser.parse(source, mode: .script)
    _ = Parser.continuation(text)
    return 0
}
