package dev.storefront.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How product text becomes searchable terms on the Lucene backend: case and accent folding, English
 * stemming, synonyms at query time, and edge n-grams for as-you-type prefixes.
 */
public class ProductAnalysis implements LuceneAnalysisConfigurer {

    /** Names, brands and descriptions in the index: folded and stemmed. */
    public static final String ENGLISH = "english";
    /** The same for queries, with the synonyms of {@code search/synonyms.txt} added. */
    public static final String ENGLISH_QUERY = "english_query";
    /** Every prefix (2–20 letters) of every word, so that "wirel" finds "wireless". */
    public static final String PREFIXES = "prefixes";
    /** A typed word folded like {@link #PREFIXES}, but not cut into prefixes itself. */
    public static final String PREFIX_QUERY = "prefix_query";
    /** Whole values such as SKUs, compared without regard to case or accents. */
    public static final String FOLDED = "folded";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(ENGLISH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(SnowballPorterFilterFactory.class).param("language", "English");

        context.analyzer(ENGLISH_QUERY).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(SynonymGraphFilterFactory.class)
                        .param("synonyms", "search/synonyms.txt")
                        .param("ignoreCase", "true")
                        .param("expand", "true")
                        .param("tokenizerFactory", StandardTokenizerFactory.class.getName())
                .tokenFilter(SnowballPorterFilterFactory.class).param("language", "English");

        context.analyzer(PREFIXES).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(EdgeNGramFilterFactory.class).param("minGramSize", "2").param("maxGramSize", "20");

        context.analyzer(PREFIX_QUERY).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);

        context.normalizer(FOLDED).custom()
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
