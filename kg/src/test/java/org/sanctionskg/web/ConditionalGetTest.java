package org.sanctionskg.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalGetTest {
    @Test
    void ifNoneMatchUsesWeakComparisonListsAndStar() {
        assertTrue(ConditionalGet.matches("\"a\"", "\"a\""));
        assertTrue(ConditionalGet.matches("W/\"a\"", "\"a\""));
        assertTrue(ConditionalGet.matches("\"x\", \"a\"", "\"a\""));
        assertTrue(ConditionalGet.matches("*", "\"a\""));
        assertFalse(ConditionalGet.matches("\"b\"", "\"a\""));
        assertFalse(ConditionalGet.matches(null, "\"a\""));
    }
}
