package iamnb.org.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compression for the Parquet writer with the JDK's own gzip. Parquet's default codec factory builds on
 * Hadoop's compression classes; this one needs neither Hadoop nor the native Snappy and Zstandard libraries, so
 * the library (and the kernel jar that carries it) stays free of them. Every Parquet reader decodes GZIP pages.
 * Writing only: the export never reads pages back.
 */
public final class GzipCodecs implements CompressionCodecFactory {
    private static final BytesInputCompressor GZIP = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                bytes.writeAllTo(gzip);
            }
            return BytesInput.from(out.toByteArray());
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.GZIP;
        }

        @Override
        public void release() {}
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.GZIP) {
            throw new IllegalArgumentException("this writer compresses with GZIP only, not " + codec);
        }
        return GZIP;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("the export writes Parquet, it does not read it");
    }

    @Override
    public void release() {}
}
