import TallyCore
/// Placeholder.
public enum BundledData {}
