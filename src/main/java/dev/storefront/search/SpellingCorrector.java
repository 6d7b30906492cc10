package dev.storefront.search;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * "Did you mean": replaces each word nobody sells with the closest word the catalog uses (names,
 * brands, categories), preferring the more common one. The vocabulary is read from the database
 * and refreshed at most every few minutes, so it works the same on any search backend.
 */
@ApplicationScoped
public class SpellingCorrector {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(5);

    @Inject
    EntityManager entityManager;

    private volatile Vocabulary vocabulary;

    private record Vocabulary(Map<String, Integer> counts, long readAtNanos) {
    }

    /** A better spelling of {@code text}, if any word of it is unknown and a close known word exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> correct(String text) {
        Map<String, Integer> known = vocabulary().counts();
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            String folded = fold(word);
            if (folded.isEmpty() || known.containsKey(folded) || folded.chars().anyMatch(Character::isDigit)) {
                corrected.add(word);
                continue;
            }
            String best = closest(folded, known);
            corrected.add(best != null ? best : word);
            changed |= best != null;
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    private static String closest(String word, Map<String, Integer> known) {
        int allowed = word.length() >= 8 ? 3 : word.length() >= 5 ? 2 : 1;
        String best = null;
        int bestDistance = allowed + 1;
        int bestCount = 0;
        for (Map.Entry<String, Integer> candidate : known.entrySet()) {
            String other = candidate.getKey();
            if (Math.abs(other.length() - word.length()) > allowed) {
                continue;
            }
            int distance = distance(word, other, allowed);
            if (distance < bestDistance || distance == bestDistance && candidate.getValue() > bestCount) {
                best = other;
                bestDistance = distance;
                bestCount = candidate.getValue();
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance (edits, with a swap of neighbours as one), or more than {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    private Vocabulary vocabulary() {
        Vocabulary current = vocabulary;
        if (current == null || System.nanoTime() - current.readAtNanos() > REFRESH_AFTER.toNanos()) {
            current = read();
            vocabulary = current;
        }
        return current;
    }

    private Vocabulary read() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> texts = entityManager.createQuery(
                "select p.name || ' ' || p.brand from Product p where p.active = true", String.class).getResultList();
        texts.addAll(entityManager.createQuery("select c.name from Category c", String.class).getResultList());
        for (String text : texts) {
            for (String word : fold(text.toLowerCase(Locale.ROOT)).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 2) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return new Vocabulary(Map.copyOf(counts), System.nanoTime());
    }

    /** Lower case without accents, as the index compares words. */
    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
