// The `Evidex` library product: one import for embedding indexing and search.
@_exported import EvidexDocuments
@_exported import EvidexIndex
@_exported import EvidexQuotes
@_exported import EvidexSearch
@_exported import EvidexText
