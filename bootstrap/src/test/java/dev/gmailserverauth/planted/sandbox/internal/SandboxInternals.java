package dev.gmailserverauth.planted.sandbox.internal;

/** Planted: a class inside the sandbox's internals, which only the sandbox itself may use. */
public final class SandboxInternals {
    public static String state() {
        return "internal";
    }
}
