package iamnb.policy.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of the compiled matchers that the golden table reaches only indirectly. */
class MatchersTest {

    @Test
    void glob_whenSeveralStars_backtracksToFindAMatch() {
        Glob g = Glob.compile("a*b*c");
        assertTrue(g.matches("abc"));
        assertTrue(g.matches("aXXbYYbZZc"));
        assertFalse(g.matches("aXXbYYbZZ"));
        assertTrue(Glob.compile("*").matches(""));
        assertFalse(Glob.compile("?").matches(""));
        assertTrue(Glob.compile("**?").matches("x"));
    }

    @Test
    void glob_whenLiteral_starIsNotAWildcard() {
        assertTrue(Glob.literal("a*").matches("a*"));
        assertFalse(Glob.literal("a*").matches("abc"));
    }

    @Test
    void glob_matchesASubstringWithoutCopying() {
        assertTrue(Glob.compile("b?d").matches("abcde", 1, 4));
        assertFalse(Glob.compile("b?d").matches("abcde", 1, 5));
    }

    @Test
    void arnPattern_whenPatternHasFewerPartsWithoutTrailingStar_neverMatches() {
        assertFalse(ArnPattern.compile("arn:aws:s3").matches(ParsedArn.of("arn:aws:s3:::b")));
        assertTrue(ArnPattern.compile("arn:aws:s3*").matches(ParsedArn.of("arn:aws:s3:::b")));
    }

    @Test
    void arnPattern_whenTextIsNotAnArn_comparesTheWholeText() {
        assertTrue(ArnPattern.compile("*").matches(ParsedArn.of("*")));
        assertFalse(ArnPattern.compile("arn:aws:s3:::*").matches(ParsedArn.of("*")));
        assertFalse(ParsedArn.of("arn:aws:s3").isArn());
    }

    @Test
    void cidr_handlesPrefixesThatAreNotByteAligned() {
        Cidr c = Cidr.parse("10.0.0.0/9");
        assertNotNull(c);
        assertTrue(c.contains(Cidr.address("10.127.255.255")));
        assertFalse(c.contains(Cidr.address("10.128.0.0")));
        assertNull(Cidr.parse("10.0.0.0/33"));
        assertNull(Cidr.parse("example.com"), "never a DNS look-up");
        assertNull(Cidr.address("256.1.1.1"));
        assertFalse(c.contains(Cidr.address("::1")), "IPv6 address never inside an IPv4 block");
    }

    @Test
    void dates_acceptIso8601VariantsAndEpochSeconds() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        assertEquals(t, Dates.parse("2020-01-01T00:00:00Z"));
        assertEquals(t, Dates.parse("2020-01-01"));
        assertEquals(t, Dates.parse("2020-01-01T01:00:00+01:00"));
        assertEquals(t, Dates.parse("1577836800"));
        assertEquals(t.plusMillis(500), Dates.parse("1577836800.5"));
        assertNull(Dates.parse("yesterday"));
    }

    @Test
    void valueTemplate_resolvesVariablesDefaultsAndEscapes() {
        ContextLookup ctx = Map.of("aws:username", List.of("alice"), "aws:tagkeys", List.of("a", "b"))::get;
        ValueTemplate t = ValueTemplate.parse("home/${aws:username}/${*}", true);
        assertEquals("home/alice/*", ValueTemplate.text(t.resolve(ctx)));
        assertEquals('*', t.resolve(ctx)[t.resolve(ctx).length - 1], "an escaped star is a character, not a wildcard");
        assertNull(ValueTemplate.parse("${aws:TagKeys}", true).resolve(ctx), "multi-valued keys cannot be variables");
        assertEquals("x", ValueTemplate.text(ValueTemplate.parse("${aws:PrincipalTag/t , 'x'}", true).resolve(ctx)));
        assertArrayEquals(ArnPattern.tokens("${aws:username}"),
                ValueTemplate.parse("${aws:username}", false).resolve(ctx), "no substitution without 2012-10-17");
        assertEquals("${unclosed", ValueTemplate.text(ValueTemplate.parse("${unclosed", true).resolve(ctx)));
    }
}
