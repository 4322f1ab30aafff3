#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TallyFuzzEngine

/// libFuzzer entry point for `export` paths: any bytes as the file name of `export countries to "…"`
/// (which picks the format by extension, then writes through `FileWriter`) and of a direct
/// `FileWriter.write`, inside a scratch folder emptied after every input.
///
/// Built by `Fuzz/run.sh export`. The name's quotes are doubled by Unicode scalar, so it stays one string
/// (a quote followed by a combining mark is one Swift character, and doubling by character let the rest of
/// the name run as statements, an `export` to any path among them). A name with a NUL byte or a `..` part
/// is skipped, so nothing is written
/// outside the scratch folder; both are looked for in the bytes, as the system reads the path (a `/` or a
/// NUL followed by a combining mark is one character to Swift, but still a separator or the path's end).
/// A crash, a sanitizer report, a timeout or a leftover temporary file is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard !bytes.contains(0),
          !bytes.split(separator: UInt8(ascii: "/")).contains(where: { $0.elementsEqual("..".utf8) }) else { return 0 }
    let path = ExportScratch.folder + "/" + String(decoding: bytes, as: UTF8.self)
    let quoted = path.doubling("\"")
    let source = SourceFile(name: "<fuzz>", text: "export countries limit 2 to \"\(quoted)\"")
    let session = Session(catalog: FuzzCatalog.shared)
    for statement in Parser.parse(source, mode: .script).statements {
        _ = StatementRunner(session: session, source: source, output: BufferedOutput()).run(statement)
    }
    _ = try? FileWriter.write("a,b\n1,2\n", to: path)
    ExportScratch.empty()
    return 0
}

/// The folder the export target writes in.
enum ExportScratch {
    /// Made once per run, in memory (`/dev/shm`) where there is such a folder, so that the export's
    /// `fsync` costs nothing and the fuzzer runs thousands of names a second; else under `/tmp`.
    static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        var template = Array("\(base)/tally-fuzz-export-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return "/tmp" }
            return mkdtemp(base).map { String(cString: $0) } ?? "/tmp"
        }
    }()

    /// Removes every file in the folder; a temporary file left behind is a bug, so it traps.
    static func empty() {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            precondition(!name.contains(".tally-"), "a temporary file was left behind: \(name)")
            if unlink(folder + "/" + name) != 0 { rmdir(folder + "/" + name) }
        }
    }
}
