package dev.gmailserverauth.domain.model;

/** How many items one page holds: 1 to 500, as Gmail allows. */
public record PageSize(int value) {
    public static final int MAX = 500;
    public static final PageSize DEFAULT = new PageSize(50);

    public PageSize {
        if (value < 1 || value > MAX) throw new IllegalArgumentException("page size must be between 1 and " + MAX);
    }
}
