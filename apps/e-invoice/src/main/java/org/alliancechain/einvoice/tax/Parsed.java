package org.alliancechain.einvoice.tax;

import java.util.function.Function;

/**
 * The outcome of reading a user-typed identifier: the value, or a typed error the REST layer can show
 * as it is (English and Chinese). Parsing returns rather than throws because a bad tax id or invoice
 * number is ordinary user input, not a programming error.
 */
public sealed interface Parsed<T> {

    record Ok<T>(T value) implements Parsed<T> {
    }

    record Error<T>(ParseError error) implements Parsed<T> {
    }

    /** What is wrong: a stable code ("length", "character", "check-digit", …) and bilingual text. */
    record ParseError(String code, String messageEn, String messageZh) {
        @Override
        public String toString() {
            return code + ": " + messageEn + " / " + messageZh;
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> error(String code, String messageEn, String messageZh) {
        return new Error<>(new ParseError(code, messageEn, messageZh));
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value, or {@link IllegalArgumentException} carrying the error text. */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Error<T> error -> throw new IllegalArgumentException(error.error().toString());
        };
    }

    default ParseError errorOrNull() {
        return this instanceof Error<T> e ? e.error() : null;
    }

    default <R> Parsed<R> map(Function<T, R> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Error<T> error -> new Error<>(error.error());
        };
    }
}
