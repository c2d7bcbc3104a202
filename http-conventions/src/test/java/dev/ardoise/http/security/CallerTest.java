package dev.ardoise.http.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerTest {

    @Test
    void a_manager_sees_only_the_stores_of_the_token() {
        Caller manager = new Caller("anne", Set.of(Roles.MANAGER), Set.of("MAIN"), null);
        assertTrue(manager.worksFor("MAIN"));
        assertFalse(manager.worksFor("LAVAL"));
        assertFalse(manager.worksFor(null));
    }

    @Test
    void operators_and_services_work_for_every_store() {
        assertTrue(new Caller("ops", Set.of(Roles.OPERATOR), Set.of(), null).worksFor("LAVAL"));
        assertTrue(new Caller("notification-service", Set.of(Roles.SERVICE), Set.of(), null).worksFor("LAVAL"));
    }

    @Test
    void a_store_role_beside_the_operator_role_keeps_the_token_to_its_stores() {
        for (String storeRole : Set.of(Roles.CASHIER, Roles.MANAGER, Roles.VIEWER)) {
            Caller both = new Caller("anne", Set.of(storeRole, Roles.OPERATOR), Set.of("MAIN"), null);
            assertFalse(both.worksFor("LAVAL"), storeRole + " with OPERATOR");
            assertTrue(both.worksFor("MAIN"), storeRole + " with OPERATOR");
        }
    }
}
