/// The version of tally that `--version` and the prompt's banner show.
enum Version {
    /// The version number.
    static let current = "0.1.0"
}
