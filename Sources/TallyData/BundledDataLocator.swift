#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the folder that holds the bundled CSV files, without `Bundle.module` (which stops the
/// program when the resource bundle is missing).
///
/// When `$TALLY_DATA_DIR` is set, looks only there. Otherwise looks, in order, in:
/// 1. `tally_TallyData.resources/Resources` next to the running executable (what `swift build`
///    produces in `.build/debug` and `.build/release`, beside `tally` and the test bundle);
/// 2. `../share/tally` next to the executable's folder (an installed layout: `PREFIX/bin/tally`);
/// 3. `Resources` beside this source file (a source checkout whose build folder moved).
public enum BundledDataLocator {
    /// The environment variable that overrides where the bundled data are read from.
    public static let environmentVariable = "TALLY_DATA_DIR"

    /// The name SwiftPM gives the resource folder of the `TallyData` target, beside the executable.
    static let resourceBundleName = "tally_TallyData.resources"

    /// A file that every complete data folder holds; a folder without it is skipped.
    static let markerFile = "countries.csv"

    /// The folders looked at, in order.
    public static func candidates() -> [String] {
        if let override = getenv(environmentVariable), override.pointee != 0 {
            return [String(cString: override)]
        }
        var folders: [String] = []
        if let executableFolder = executableFolder() {
            folders.append(executableFolder + "/" + resourceBundleName + "/Resources")
            folders.append(parent(of: executableFolder) + "/share/tally")
        }
        folders.append(parent(of: #filePath) + "/Resources")
        return folders
    }

    /// The first candidate folder that holds the bundled data, or nil.
    public static func locate() -> String? {
        candidates().first { access($0 + "/" + markerFile, R_OK) == 0 }
    }

    /// The folder of the running executable, symbolic links resolved.
    static func executableFolder() -> String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        return parent(of: String(cString: resolved))
    }

    /// `path` without its last component (`/` stays `/`).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
