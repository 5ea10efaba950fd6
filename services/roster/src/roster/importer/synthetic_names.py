"""Fixed data of the synthetic district: the files' columns and name pools (some with accents, apostrophes, commas
and quotes, as in real exports)."""
GIVEN_NAMES = (
    "Aaliyah", "Aiden", "Amara", "Andrés", "Ava", "Benjamin", "Chloé", "Daniel", "Destiny", "Elijah", "Emma",
    "Ethan", "Fatima", "Gabriel", "Grace", "Hannah", "Isabella", "Jackson", "Jamal", "Jayden", "Jasmine", "José",
    "Kai", "Layla", "Liam", "Lucas", "Madison", "Mateo", "Mia", "Muhammad", "Noah", "Nora", "Olivia", "Priya",
    "Ruby", "Samuel", "Sofía", "Sophia", "Thanh", "Tyler", "Valentina", "William", "Xavier", "Yusuf", "Zoe",
    'Anne "Annie"', "Mary Kate", "Jean-Luc",
)
FAMILY_NAMES = (
    "Adams", "Ahmed", "Anderson", "Brown", "Campbell", "Chen", "Clark", "Davis", "Díaz", "Evans", "García",
    "Green", "Hall", "Harris", "Hernández", "Jackson", "Johnson", "Jones", "Kim", "King", "Lee", "López", "Martin",
    "Martínez", "Miller", "Moore", "Nguyễn", "O'Brien", "Patel", "Pérez", "Robinson", "Rodríguez", "Scott", "Smith",
    "Smith, Jr.", "Taylor", "Thomas", "Thompson", "Walker", "White", "Williams", "Wilson", "Wright", "Young",
    "Johnson-Reyes", "Van der Berg", "Washington, III",
)

HEADERS = {
    "orgs.csv": ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId",
                 "metadata.district.localCode"],
    "academicSessions.csv": ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
                             "parentSourcedId", "schoolYear"],
    "courses.csv": ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
                    "orgSourcedId", "subjects", "subjectCodes"],
    "classes.csv": ["sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
                    "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"],
    "users.csv": ["sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName",
                  "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                  "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
                  "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
                  "metadata.lunchProgram"],
    "roles.csv": ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate",
                  "endDate", "orgSourcedId", "userProfileSourcedId"],
    "enrollments.csv": ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId",
                        "userSourcedId", "role", "primary", "beginDate", "endDate"],
}
BOM_FILES = {"orgs.csv", "users.csv"}
