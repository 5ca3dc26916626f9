package dev.verifytoken.benchmark;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.policy.control.PolicyEnforcer;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.control.TokenFactory;
import dev.verifytoken.issuance.control.TokenRequestValidator;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Token creation as the service does it, over a varied corpus of numbers from every region libphonenumber
 * knows (E.164, international and national formats), beside its parts and the floor: jose4j signing alone
 * and a plain javax.crypto.Mac HMAC-SHA256 of the same signing input. A benchmark, not a test: it prints
 * figures ({@code benchmark/run.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class TokenCreationBenchmark {

    private TokenRequestValidator validator;
    private PhoneNumberNormalizer normalizer;
    private VerificationPolicy policy;
    private TokenFactory factory;
    private TokenSettings settings;
    private TokenRequestFields[] corpus;
    private TokenRequest[] parsed;
    private int next;

    private String payload;
    private HmacKey hmacKey;
    private byte[] signingInput;
    private Mac mac;

    @Setup
    public void setUp() throws Exception {
        String key = TestKeys.randomKey();
        settings = new TokenSettings(key.getBytes(StandardCharsets.UTF_8), 12345, 3600, null, null, null, null);
        normalizer = new PhoneNumberNormalizer();
        validator = new TokenRequestValidator(normalizer);
        policy = VerificationPolicy.defaults();
        factory = new TokenFactory(Clock.systemUTC());

        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<TokenRequestFields> numbers = new ArrayList<>();
        for (String region : util.getSupportedRegions()) {
            PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberType.MOBILE);
            if (example == null) {
                continue;
            }
            numbers.add(new TokenRequestFields(util.format(example, PhoneNumberFormat.E164), null, null, null));
            numbers.add(new TokenRequestFields(util.format(example, PhoneNumberFormat.INTERNATIONAL), null, null, null));
            numbers.add(new TokenRequestFields(util.format(example, PhoneNumberFormat.NATIONAL), region, null, null));
        }
        Collections.shuffle(numbers, new Random(42));
        corpus = numbers.toArray(TokenRequestFields[]::new);
        parsed = new TokenRequest[corpus.length];
        for (int i = 0; i < corpus.length; i++) {
            parsed[i] = validator.validate(corpus[i], settings);
        }

        String token = factory.create(parsed[0], settings);
        payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        hmacKey = new HmacKey(key.getBytes(StandardCharsets.UTF_8));
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    private int nextIndex() {
        int index = next++;
        if (next == corpus.length) {
            next = 0;
        }
        return index;
    }

    /** What the service does for a request: check the fields (the number with libphonenumber), apply the policy, sign. */
    @Benchmark
    public String tokenIncludingPhoneNumber() {
        TokenRequest checked = validator.validate(corpus[nextIndex()], settings);
        return factory.create(PolicyEnforcer.apply(policy, checked, null), settings);
    }

    /** The number alone: parse, validate, type, E.164. */
    @Benchmark
    public E164Number phoneNumberAlone() throws Exception {
        TokenRequestFields fields = corpus[nextIndex()];
        return normalizer.normalize(fields.phoneNumber(), fields.country());
    }

    /** The policy alone, on numbers already parsed: it must cost next to nothing. */
    @Benchmark
    public TokenRequest policyAlone() {
        return PolicyEnforcer.apply(policy, parsed[nextIndex()], null);
    }

    /** Claims and signing alone, on numbers already parsed. */
    @Benchmark
    public String tokenFactoryAlone() {
        return factory.create(parsed[nextIndex()], settings);
    }

    /** jose4j signing a ready payload. */
    @Benchmark
    public String jose4jSigningAlone() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(payload);
        jws.setKey(hmacKey);
        return jws.getCompactSerialization();
    }

    /** The floor: one HMAC-SHA256 of the same signing input with an initialised Mac. */
    @Benchmark
    public byte[] hmacFloor() {
        return mac.doFinal(signingInput);
    }
}
