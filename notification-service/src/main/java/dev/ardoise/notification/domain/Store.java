package dev.ardoise.notification.domain;

import java.util.List;

/**
 * The store as its emails present it.
 *
 * @param logoUrl an https address of the store's logo image, or null for none (the name is then the heading)
 */
public record Store(String name, List<String> addressLines, String phone, String logoUrl) {
    public Store {
        addressLines = addressLines.stream().filter(line -> line != null && !line.isBlank()).toList();
        logoUrl = logoUrl == null || logoUrl.isBlank() ? null : logoUrl.strip();
        if (logoUrl != null && !logoUrl.matches("https?://\\S{1,2000}")) {
            throw new IllegalArgumentException("the store's logo (STORE_LOGO_URL) must be an http or https address");
        }
    }

    public Store(String name, List<String> addressLines, String phone) {
        this(name, addressLines, phone, null);
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    public boolean hasLogo() {
        return logoUrl != null;
    }
}
