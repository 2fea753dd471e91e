/// A dossier's national status (`TrangThaiHoSo`, 1–10) as synchronised with the national portal.
public enum NationalStatus: Int, CaseIterable, Sendable, Codable, Comparable {
    case newlyRegistered = 1
    case accepted = 2
    case refused = 3
    case processing = 4
    case supplementRequested = 5
    case financialObligationRequested = 6
    case withdrawnByApplicant = 7
    case processingStopped = 8
    case resultReady = 9
    case resultReturned = 10

    /// The label staff and citizens know, with full diacritics.
    public var vietnameseLabel: String {
        switch self {
        case .newlyRegistered: "Mới đăng ký"
        case .accepted: "Được tiếp nhận"
        case .refused: "Không được tiếp nhận"
        case .processing: "Đang xử lý"
        case .supplementRequested: "Yêu cầu bổ sung giấy tờ"
        case .financialObligationRequested: "Yêu cầu thực hiện nghĩa vụ tài chính"
        case .withdrawnByApplicant: "Công dân yêu cầu rút hồ sơ"
        case .processingStopped: "Dừng xử lý"
        case .resultReady: "Đã xử lý xong"
        case .resultReturned: "Đã trả kết quả"
        }
    }

    /// The English label, second language on screens.
    public var englishLabel: String {
        switch self {
        case .newlyRegistered: "Newly registered"
        case .accepted: "Accepted"
        case .refused: "Not accepted"
        case .processing: "Being processed"
        case .supplementRequested: "More papers requested"
        case .financialObligationRequested: "Fees or taxes to be paid"
        case .withdrawnByApplicant: "Withdrawn by the applicant"
        case .processingStopped: "Processing stopped"
        case .resultReady: "Result ready"
        case .resultReturned: "Result returned"
        }
    }

    /// Parses the wire form, a decimal string `"1"`…`"10"`.
    public init?(wireValue: String) {
        guard let number = Int(wireValue), let status = NationalStatus(rawValue: number) else { return nil }
        self = status
    }

    public static func < (lhs: NationalStatus, rhs: NationalStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
