/// English function words, folded as the analyzer folds them (lower case, ’ → ').
///
/// Not used at indexing (phrases such as "the who" must stay findable) nor, by default, for
/// query words: BM25's idf already gives them almost no weight. Pseudo-relevance feedback
/// needs them, because it ranks a document's words by frequency, where function words
/// dominate. The list is NLTK's English stop words (with the contraction fragments "s", "t",
/// "ll", "re", "ve" and "m" that remain when punctuation is stripped from "Spain's" or
/// "don't", but not "d", which is also a letter name: "vitamin d") plus a few pronoun and
/// auxiliary forms.
public enum StopWords {
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
        "each", "etc", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having",
        "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how",
        "how's", "however", "i", "i'd", "i'll", "i'm", "i've", "ie", "if", "in", "into", "is", "isn't", "it", "it's",
        "its", "itself", "let's", "may", "me", "might", "more", "most", "must", "mustn't", "my", "myself", "no", "nor",
        "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
        "own", "same", "shall", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some",
        "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's",
        "these", "they", "they'd", "they'll", "they're", "they've", "this", "those", "through", "thus", "to", "too",
        "under", "until", "up", "upon", "us", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were",
        "weren't", "what", "what's", "when", "when's", "where", "where's", "whether", "which", "while", "who", "who's",
        "whom", "why", "why's", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you",
        "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves",
        "s", "t", "ll", "re", "ve", "m",
    ]
}
