package io.ncprollout.slack.render;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The bot's wording in one reader's language: English ({@code i18n/messages.properties}, the fallback) or Korean
 * ({@code i18n/messages_ko.properties}, UTF-8). A key missing from the Korean bundle falls back on the English
 * one (the bundles' parent chain), and any locale other than Korean reads English, whatever the JVM's default.
 *
 * <p>Patterns are {@link MessageFormat}s: arguments are {@code {0}}, {@code {1}}…, and a literal apostrophe is
 * written twice. Numbers are formatted as plain digits (no grouping), so English output does not change when a
 * phrase moves into the bundle. Arguments are inserted as given: escape user and NCP text before passing it.
 */
public final class Texts {
    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Texts ENGLISH = new Texts(Locale.ENGLISH);
    private static final Texts KOREAN = new Texts(Locale.KOREAN);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("en") ? Locale.ROOT : locale, NO_DEFAULT_LOCALE);
    }

    /** The texts for {@code locale}: Korean for any Korean locale ({@code ko}, {@code ko-KR}), English for everything else. */
    public static Texts of(Locale locale) {
        Objects.requireNonNull(locale, "locale == null");
        return supported(locale).equals(Locale.KOREAN) ? KOREAN : ENGLISH;
    }

    /** The language the bot writes for {@code locale}: {@link Locale#KOREAN} or {@link Locale#ENGLISH}. */
    public static Locale supported(Locale locale) {
        return locale.getLanguage().equals(Locale.KOREAN.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }

    /** The language of these texts. */
    public Locale locale() {
        return locale;
    }

    /**
     * The text of {@code key} with {@code args} filled in.
     *
     * @throws java.util.MissingResourceException if neither bundle has {@code key} (a bug: the bundle test catches it)
     */
    public String t(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
        }
        return new MessageFormat(bundle.getString(key), locale).format(plain);
    }

    /** True when either bundle has {@code key}: for words of data whose keys may grow (a gate's figures). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
