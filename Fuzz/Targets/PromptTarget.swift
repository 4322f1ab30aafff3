@testable import TallyFuzzEngine

/// libFuzzer entry point for the prompt's line handling: any bytes, cut into lines at line feeds as
/// standard input is (`ScriptReader.nextLine`), fed to the statement assembler that standard input and
/// long pastes use (with its continuation shortcut and `Parser.continuation`), and every line completed
/// in its middle and past its end against the fuzz catalog.
///
/// Built by `Fuzz/run.sh prompt`. Nothing runs, so no file is touched. A crash, a sanitizer report or a
/// timeout here is a bug in Syntax/ or Session/Completer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrompt(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let completer = Completer(catalog: FuzzCatalog.shared)
    var assembler = StatementAssembler()
    var shortcut = ContinuationShortcut()
    var typed = ""
    // Before the start: clamped to 0, where the completer reads nothing of the line, so its answer (the
    // statement words and the datasets) is the same for every line and is asked once.
    _ = completer.completion(line: String(decoding: bytes, as: UTF8.self), cursor: -1)
    for bytesOfLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let line = String(decoding: bytesOfLine, as: UTF8.self)
        _ = assembler.add(line)
        typed += typed.isEmpty ? line : "\n" + line
        if !shortcut.surelyWantsMore(after: line), Parser.continuation(typed) == nil {
            typed = ""
            shortcut = ContinuationShortcut()
        }
        // The middle, and three past the end, which the completer clamps to the end.
        let length = line.utf8.count
        _ = completer.completion(line: line, cursor: length / 2)
        _ = completer.completion(line: line, cursor: length + 3)
    }
    _ = assembler.finish()
    return 0
}
