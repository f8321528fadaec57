package au.ausjobs.resume.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import com.mongodb.client.gridfs.model.GridFSFile;

/**
 * Resume files in GridFS (bucket {@code fs} of the service's database): the default store. The archive is the same
 * class on the bucket {@code archive} (see {@link ResumeStorageConfiguration}).
 */
class GridFsResumeFileStore implements ResumeFileStore.Backend {

    private final GridFsTemplate gridFs;

    GridFsResumeFileStore(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    @Override
    public String put(byte[] content, String contentType, Map<String, String> metadata) {
        Document meta = new Document(metadata);
        return gridFs.store(new ByteArrayInputStream(content), metadata.getOrDefault("name", "resume"), contentType, meta).toHexString();
    }

    @Override
    public InputStream open(String key) {
        GridFSFile file = find(key);
        if (file == null) {
            throw new FileMissingException(key);
        }
        GridFsResource resource = gridFs.getResource(file);
        try {
            return resource.getInputStream();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        if (ObjectId.isValid(key)) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(key))));
        }
    }

    private GridFSFile find(String key) {
        return ObjectId.isValid(key) ? gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(key)))) : null;
    }
}
