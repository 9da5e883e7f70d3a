/// The version `ampwise --version` and `GET /api/health` report.
public enum AmpwiseVersion {
    public static let current = "0.1.0"
}
