package dev.trellis.partner.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How staff's free text (a touchpoint's summary and notes, a next step) names a person about to be erased: the
 * email address, "First Last" and "Last, First", matched case-insensitively. Each mention becomes
 * {@value #PLACEHOLDER}. In the notes of a meeting the person attended, which are about them, the last name alone (as
 * a whole word) is a mention too ({@link #redactInOwnMeeting}); elsewhere it may be someone else of that name or a
 * company, and stays. Other ways of naming someone (a first name alone, a nickname) cannot be told from ordinary
 * words and stay as staff wrote them.
 */
public final class PersonalMentions {
    public static final String PLACEHOLDER = "[erased]";

    private final List<String> terms;
    private final List<String> filter;
    private final Pattern pattern;
    private final Pattern lastNameAlone;

    public PersonalMentions(String firstName, String lastName, String email) {
        List<String> candidates = new ArrayList<>();
        add(candidates, email);
        add(candidates, lastName);
        this.filter = candidates.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        List<String> found = new ArrayList<>();
        add(found, email);
        if (!blank(firstName) && !blank(lastName)) {
            add(found, firstName.strip() + " " + lastName.strip());
            add(found, lastName.strip() + ", " + firstName.strip());
        }
        // the longest first, so an address is not cut by a name inside it
        found.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.terms = List.copyOf(found);
        this.pattern = terms.isEmpty() ? null : Pattern.compile(String.join("|", terms.stream()
                .map(t -> Pattern.quote(t).replace(" ", "\\E\\s+\\Q")).toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> last = new ArrayList<>();
        add(last, lastName);
        this.lastNameAlone = last.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(last.get(0))
                + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * What a text that mentions the person must contain (the address or the last name), lower-cased, for a first
     * filter in the database ({@code lower(text) like '%term%'}); {@link #redact} then replaces the mentions.
     */
    public List<String> lowerCaseFilter() {
        return filter;
    }

    /** The text with every mention replaced; null stays null. */
    public String redact(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
    }

    /** {@link #redact}, and then the last name alone wherever it is a whole word: for a meeting the person attended. */
    public String redactInOwnMeeting(String text) {
        String redacted = redact(text);
        if (redacted == null || lastNameAlone == null) {
            return redacted;
        }
        return lastNameAlone.matcher(redacted).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
    }

    private static void add(List<String> into, String term) {
        if (!blank(term) && term.strip().length() >= 3) {
            into.add(term.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
