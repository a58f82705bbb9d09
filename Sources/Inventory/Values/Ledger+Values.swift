// The calendar-day and instant types live with the ledger's records; the engine's clients
// keep seeing them as part of the engine's interface.
@_exported import struct Ledger.Day
@_exported import struct Ledger.LocalTime
@_exported import struct Ledger.Moment
