package au.ausjobs.resume.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.model.GridFSFile;

/**
 * Where the retention policy moves old resume versions: a GridFS bucket of its own ({@code archive}), every file
 * gzipped. Production may point the bucket at cheaper storage; the service only needs put, read and delete.
 */
@Component
public class ResumeArchive {

    private final GridFsTemplate bucket;

    ResumeArchive(MongoDatabaseFactory mongo, MongoConverter converter) {
        this.bucket = new GridFsTemplate(mongo, converter, "archive");
    }

    public String put(byte[] content, Map<String, String> metadata) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bucket.store(new ByteArrayInputStream(packed.toByteArray()), metadata.getOrDefault("name", "resume"),
            "application/gzip", new Document(metadata)).toHexString();
    }

    public byte[] read(String key) {
        GridFSFile file = ObjectId.isValid(key) ? bucket.findOne(Query.query(Criteria.where("_id").is(new ObjectId(key)))) : null;
        if (file == null) {
            throw new ResumeFileStore.FileMissingException(key);
        }
        try (GZIPInputStream in = new GZIPInputStream(bucket.getResource(file).getInputStream())) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String key) {
        if (ObjectId.isValid(key)) {
            bucket.delete(Query.query(Criteria.where("_id").is(new ObjectId(key))));
        }
    }
}
