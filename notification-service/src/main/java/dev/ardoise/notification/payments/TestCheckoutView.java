package dev.ardoise.notification.payments;

import io.quarkus.qute.TemplateData;

/** The test provider's checkout page: what is paid to which store, or that the session is unknown or was refused. */
@TemplateData
public record TestCheckoutView(String kind, String storeName, String invoiceNumber, String amount, String session,
                               Integer refusedWith) {
}
