package dev.storefront.web;

import java.util.Locale;

/** Countries as shoppers read them. */
public final class Countries {

    private Countries() {
    }

    /** "Ireland" for IE, in English; the code itself when Java knows no name for it. */
    public static String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code.strip().toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
