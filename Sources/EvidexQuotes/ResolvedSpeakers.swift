extension QuoteExtractor {
    /// The attributions of one paragraph by the span of their mention. A paragraph has a few
    /// subjects, so they are searched in turn: a dictionary hashed every range with SipHash.
    struct ResolvedSpeakers {
        private var mentions: [Range<Int>] = []
        private var attributions: [Attribution] = []

        subscript(_ mention: Range<Int>) -> Attribution? {
            get { mentions.firstIndex(of: mention).map { attributions[$0] } }
            set {
                if let i = mentions.firstIndex(of: mention) {
                    if let newValue {
                        attributions[i] = newValue
                    } else {
                        mentions.remove(at: i)
                        attributions.remove(at: i)
                    }
                } else if let newValue {
                    mentions.append(mention)
                    attributions.append(newValue)
                }
            }
        }
    }
}
