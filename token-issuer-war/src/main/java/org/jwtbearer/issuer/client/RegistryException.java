package org.jwtbearer.issuer.client;

/**
 * A registry change that cannot be made as asked: the entry does not exist, already exists, was changed
 * by someone else meanwhile, or the change is not valid. The admin API turns the kind into an HTTP status.
 */
public class RegistryException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RegistryException notFound(String what) {
        return new RegistryException(Kind.NOT_FOUND, what + " does not exist");
    }
}
