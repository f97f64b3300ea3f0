package org.jwtbearer.security.jose;

/** Key material that cannot be used: unparseable, private where public was expected, or too weak. */
public class KeyMaterialException extends IllegalArgumentException {

    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
