/// Which roles may make each write, by its command (SPEC §1's table). The engine's own role
/// checks fall within it; `verify` judges every envelope by it, not by the roles the envelope
/// claims, so a user's own key cannot sign a claim to another role's work.
enum UseCasePolicy {
  /// The roles of each command; an empty set: any registered user.
  static let roles: [String: Set<Role>] = [
    "init": [],
    "user add": [.admin], "user grant": [.admin],
    "key generate": [], "key enrol": [.admin], "key revoke": [], "key rotate": [],
    "item add": [.admin], "location add": [.admin], "party add": [.admin],
    "party set": [.admin], "reserve set": [.admin], "import items": [.admin],
    "receive": [.clerk, .approver], "donation receive": [.clerk],
    "import receipts": [.clerk, .approver], "transfer": [.clerk],
    "issue request": [.requester], "issue approve": [.approver], "issue reject": [.approver],
    "issue cancel": [.approver], "issue close": [.approver], "issue ship": [.clerk],
    "issue confirm": [.requester], "use": [.requester, .clerk], "return": [.clerk],
    "procure request": [.requester, .clerk], "report reorder --create": [.requester, .clerk],
    "procure approve": [.approver], "procure reject": [.approver], "procure cancel": [.approver],
    "procure close": [.approver], "procure order": [.approver],
    "invoice add": [.finance], "pay": [.finance], "period close": [.finance],
    "count": [.clerk], "writeoff": [.clerk], "adjust approve": [.approver],
    "adjust reject": [.approver], "recall": [.approver], "disinfect done": [.clerk],
    "waste collect": [.requester, .clerk], "waste store": [.clerk], "waste handover": [.clerk],
    "waste resolve": [.approver], "waste dispose": [.clerk],
    "reverse": [.approver],
    "item set": [.admin], "location set": [.admin], "user set": [.admin],
    "user deactivate": [.admin], "user revoke": [.admin], "office set": [.admin],
    "issue repoint": [.approver],
  ]

  /// Whether `claimed`, the roles an envelope of `command` says it needed, are the command's
  /// own: none for a command anyone may run, else some and only of its roles.
  static func admits(_ command: String, claimed: Set<String>) -> Bool {
    guard let allowed = roles[command] else { return false }
    if allowed.isEmpty { return claimed.isEmpty }
    return !claimed.isEmpty && claimed.isSubset(of: Set(allowed.map(\.rawValue)))
  }

  /// The decisions that a document's own creator may not take (four eyes), by event action.
  static let fourEyesActions: Set<String> = [
    "issue.approve", "issue.reject", "purchase.approve", "purchase.reject", "adjust.approve",
    "adjust.reject", "manifest.resolve",
  ]
}
