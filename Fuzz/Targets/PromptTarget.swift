@testable import TallyFuzzEngine

/// libFuzzer entry point for the prompt's line handling: any bytes, cut into lines, fed to the
/// statement assembler that standard input and long pastes use (with its continuation shortcut and
/// `Parser.continuation`), and every line completed at its start, middle and end against the fuzz catalog.
///
/// Built by `Fuzz/run.sh prompt`. Nothing runs, so no file is touched. A crash, a sanitizer report or a
/// timeout here is a bug in Syntax/ or Session/Completer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrompt(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let completer = Completer(catalog: FuzzCatalog.shared)
    var assembler = StatementAssembler()
    var shortcut = ContinuationShortcut()
    var typed = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        _ = assembler.add(line)
        typed += typed.isEmpty ? line : "\n" + line
        if !shortcut.surelyWantsMore(after: line), Parser.continuation(typed) == nil {
            typed = ""
            shortcut = ContinuationShortcut()
        }
        // The start, the middle and the end, the first and last given out of range: the completer
        // clamps them, so they also stand for the cursor at 0 and at the end.
        let length = line.utf8.count
        for cursor in Set([-1, length / 2, length + 3]) {
            _ = completer.completion(line: line, cursor: cursor)
        }
    }
    _ = assembler.finish()
    return 0
}
