package dev.gmailserverauth.planted.domain;

/** Planted violation: a domain class that depends on a logging library. */
public class LeakyEntity {
    private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeakyEntity.class);

    public org.slf4j.Logger log() {
        return log;
    }
}
