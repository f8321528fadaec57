package au.ausjobs.auth.company;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Companies by id; ABN lookups use the index on companies.abn. */
public interface CompanyRepository extends MongoRepository<Company, String> {

    boolean existsByAbn(String abn);
}
