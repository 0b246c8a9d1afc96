"""The contract's vocabulary, in one place: extraction emits it, the expectation suites enforce it."""

KINDS = ("estimate", "change", "target", "forecast")
FLOWS = ("immigration", "emigration", "net_migration")
DIRECTIONS = ("up", "down")
BREAKDOWN_DIMS = ("reason", "citizenship")
BREAKDOWN_VALUES = {
    "reason": ("work", "work_definite_job", "work_looking_for_job", "study", "family", "asylum", "other"),
    "citizenship": ("british", "eu", "non_eu", "eu8", "eu2", "new_commonwealth", "old_commonwealth", "other"),
}
QUALIFIERS = ("exact", "approximately", "at_least", "at_most")
STATUSES = ("valid", "quarantined")

# UK long-term flows have ranged from about 150,000 to 1.3 million a year since 1964; the bounds
# leave room for any plausible future without letting a misplaced digit through.
FLOW_BOUNDS = {"immigration": (0, 3_000_000), "emigration": (0, 3_000_000), "net_migration": (-1_500_000, 2_000_000)}
FIRST_PERIOD_YEAR = 1964  # the International Passenger Survey series starts in 1964
