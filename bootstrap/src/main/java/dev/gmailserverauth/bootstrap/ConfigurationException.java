package dev.gmailserverauth.bootstrap;

/** A configuration value is missing or wrong; the message names the variable and what is wrong with it. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
